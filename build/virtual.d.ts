/** The build's virtual modules (see `match-data-plugin.ts`). */
declare module 'virtual:rivalry-match-data' {
  const names: import('../core/prepare-names.ts').PreparedNames;
  export default names;
}
declare module 'virtual:rivalry-gate-names' {
  const names: import('../core/gate.ts').GateNames;
  export default names;
}
