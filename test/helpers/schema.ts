/** Validators for the contract's JSON Schemas (schema/*.json), shared by the tests. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), "../../schema");
const load = (name: string): object => JSON.parse(readFileSync(join(schemaDir, name), "utf8"));

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
ajv.addSchema(load("plan-document.schema.json"));
ajv.addSchema(load("compare.schema.json"));
ajv.addSchema(load("diff.schema.json"));
ajv.addSchema(load("panel.schema.json"));

function validator(id: string): ValidateFunction {
  const v = ajv.getSchema(id);
  if (!v) throw new Error(`schema ${id} not loaded`);
  return v;
}

export const validateDocument = validator("https://plan-parse.invalid/schema/plan-document.v1.json");
export const validateCompare = validator("https://plan-parse.invalid/schema/compare.v1.json");
export const validateDiff = validator("https://plan-parse.invalid/schema/diff.v1.json");
export const validatePanel = validator("https://plan-parse.invalid/schema/panel.v1.json");

/** Readable list of schema errors, empty when valid. */
export function schemaErrors(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
