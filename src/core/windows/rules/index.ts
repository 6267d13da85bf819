export { currentWindow, outsideWindow, windowStatus, windowsProblems } from './status';
export type { Outside } from './status';
