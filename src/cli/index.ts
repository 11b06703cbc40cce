export { type CliIO, processIO, run } from "./run.js";
