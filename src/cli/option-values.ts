/**
 * How the values of command-line options are checked: each parser returns the value or throws
 * commander's InvalidArgumentError with an example of a good value (exit 2).
 */
import { InvalidArgumentError } from "commander";

export function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^[0-9]{1,4}$/.test(value) || Number(value) < 1) {
      throw new InvalidArgumentError(`${name} must be a whole number ≥ 1 (e.g. --jobs 4).`);
    }
    return Number(value);
  };
}

export function parseYear(value: string): number {
  if (!/^[0-9]{4}$/.test(value) || Number(value) < 1949 || Number(value) > 2100) {
    throw new InvalidArgumentError("expected a four-digit year between 1949 and 2100 (e.g. --year 2024).");
  }
  return Number(value);
}

const SIZE_UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

export function parseSize(value: string): number {
  const m = /^([0-9]{1,12}(?:\.[0-9]{1,6})?)\s?([a-zA-Z]{0,3})$/.exec(value.trim());
  const unit = m ? SIZE_UNITS[(m[2] ?? "").toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) {
    throw new InvalidArgumentError("expected a size such as 1048576, 500k, 64MiB or 1GB.");
  }
  return Math.floor(Number(m[1]) * unit);
}

export function parseExt(value: string): string[] {
  const exts = value
    .split(",")
    .map((e) => e.trim().replace(/^\./, "").toLowerCase())
    .filter((e) => e.length > 0);
  if (exts.length === 0 || exts.some((e) => !/^[a-z0-9_-]{1,16}$/.test(e))) {
    throw new InvalidArgumentError(
      "expected file extensions without dots, comma-separated (e.g. --ext txt,md).",
    );
  }
  return exts;
}

/** A term of a repeatable option: the terms so far, plus this one. */
export function repeated(name: string) {
  const check = nonEmpty(name);
  return (value: string, previous?: unknown): string[] => [
    ...(Array.isArray(previous) ? (previous as string[]) : []),
    check(value),
  ];
}

/** A --grep-regex pattern: JavaScript syntax, case-insensitive, Unicode. */
export function parseRegex(value: string, previous?: unknown): RegExp[] {
  let re: RegExp;
  try {
    re = new RegExp(value, "iu");
  } catch (e) {
    throw new InvalidArgumentError(
      `not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, "")}); e.g. --grep-regex '养老|托育'.`,
    );
  }
  if (value.trim() === "") throw new InvalidArgumentError("--grep-regex must not be empty.");
  return [...(Array.isArray(previous) ? (previous as RegExp[]) : []), re];
}

export function parseConfidence(value: string): number {
  const n = Number(value);
  if (!/^(?:0(?:\.[0-9]+)?|1(?:\.0+)?|\.[0-9]+)$/.test(value.trim()) || !(n >= 0 && n <= 1)) {
    throw new InvalidArgumentError("expected a number from 0 to 1 (e.g. --min-confidence 0.6).");
  }
  return n;
}

export function nonEmpty(name: string) {
  return (value: string): string => {
    if (value.trim() === "") throw new InvalidArgumentError(`${name} must not be empty.`);
    return value;
  };
}
