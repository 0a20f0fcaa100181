/**
 * The W3C Web Annotation test suite (w3c-web-annotation-tests/, copied from the W3C's
 * repository) run as its test runner would: every assertion of a `*.test` list is a draft-04
 * JSON Schema, and a "must" assertion that does not give its expected result is a failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const ROOT = join(import.meta.dirname, 'w3c-web-annotation-tests');

interface Assertion {
  id: string;
  assertionType: 'must' | 'should' | 'may';
  expectedResult: 'valid' | 'invalid';
  errorMessage?: string;
  title: string;
}

const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
addFormats(ajv);
// The shared definitions, under their ids, for the assertions' "$ref"s.
for (const name of readdirSync(join(ROOT, 'definitions')).filter((n) => n.endsWith('.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'definitions', name), 'utf8')) as object);
}
const compiled = new Map<string, ValidateFunction>();

/** An assertion compiled by its path: two folders hold different assertions under one id. */
function validatorOf(path: string, assertion: Assertion): ValidateFunction {
  let validate = compiled.get(path);
  if (!validate) {
    validate = ajv.compile({ ...assertion, id: undefined });
    compiled.set(path, validate);
  }
  return validate;
}

/** The assertions a `*.test` file lists (path relative to the suite's root). */
function assertionsOf(testFile: string): { path: string; assertion: Assertion }[] {
  const list = JSON.parse(readFileSync(join(ROOT, testFile), 'utf8')) as { assertions: string[] };
  return list.assertions.map((path) => ({ path, assertion: JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Assertion }));
}

export interface Failure {
  assertion: string;
  level: Assertion['assertionType'];
  message: string;
}

/** The assertions of `testFile` that `value` fails, "must" and the others alike. */
export function failures(testFile: string, value: unknown): Failure[] {
  return assertionsOf(testFile).flatMap(({ path, assertion: a }) => {
    const valid = validatorOf(path, a)(value);
    if (valid === (a.expectedResult === 'valid')) return [];
    return [{ assertion: path, level: a.assertionType, message: a.errorMessage ?? a.title }];
  });
}

export const MUST_TESTS = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test',
} as const;

export const OPTIONAL_TESTS = {
  annotation: 'annotations/annotationOptionals.test',
  collection: 'collections/collectionOptionals.test',
  page: 'collections/pages/pageOptionals.test',
} as const;
