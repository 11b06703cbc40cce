import { Chalk, type ChalkInstance } from "chalk";

/** A chalk instance that colours only when asked: level 0 returns text unchanged. */
export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
