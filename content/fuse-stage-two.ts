/** Stage two of the content script: fuse.js, loaded on demand (see content/fuse-on-demand.ts). */
export { default } from 'fuse.js/basic';
