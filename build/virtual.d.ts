/** The build's virtual modules (see `match-data-plugin.ts`). */
declare module 'virtual:rivalry-match-data' {
  const names: import('../core/match-data.ts').MatchData;
  export default names;
}
