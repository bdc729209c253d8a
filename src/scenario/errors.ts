/**
 * The catalogue of input errors (SPEC.md section 4: bad input is refused with a message naming
 * the file, line or field path, and the reason; exit code 2). Every refusal of a scenario or
 * trace is an {@link InputError} with one of these codes; tests assert on the code.
 */
import type { z } from "zod";

/** Error codes, each with what it means. */
export const INPUT_ERROR_CODES = {
  UNSUPPORTED_FILE: "the file is neither a scenario (.yaml, .yml) nor a trace (.jsonl)",
  UNREADABLE_FILE: "the file cannot be read",
  YAML_SYNTAX: "the scenario is not well-formed YAML",
  JSON_SYNTAX: "a trace line is not well-formed JSON",
  SCHEMA: "a value does not match the schema (unknown field, wrong type, out of range...)",
  CONFIG_NOT_FIRST: "a `config` event appears after the first line",
  TIME_ORDER: "an event is earlier than the one before it",
  UNKNOWN_NAME: "an actor, slot or booking is used before it is declared",
  DUPLICATE_NAME: "an actor, slot, booking or receipt id is declared twice",
  WRONG_ROLE: "an actor lacks the role the event needs",
  MISSING_CAPACITY: "a kiosk joins without `capacityGrams`",
  UNALIGNED_TIME: "a booking start or end is not on a 15-minute boundary",
  END_NOT_AFTER_START: "a booking or time range does not end after it starts",
  EMPTY_TRACE: "the trace has no events",
} as const;

export type InputErrorCode = keyof typeof INPUT_ERROR_CODES;

/** Exit code of a run refused for bad input (SPEC.md section 4). */
export const INPUT_ERROR_EXIT_CODE = 2;

export interface InputErrorDetails {
  code: InputErrorCode;
  /** The file as the user named it. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number | undefined;
  /** Where in the value: `behaviour.drivers.cancelOdds`, `parking.book.start`. */
  fieldPath?: string | undefined;
  /** Why, in plain words: `must be between 0 and 1`. */
  reason: string;
  cause?: unknown;
}

/**
 * A refused input. The message reads like an editor location followed by the reason:
 * `scenarios/x.yaml:14: behaviour.drivers.cancelOdds: must be between 0 and 1`.
 */
export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly file: string;
  readonly line: number | undefined;
  readonly fieldPath: string | undefined;
  readonly reason: string;
  readonly exitCode = INPUT_ERROR_EXIT_CODE;

  constructor(details: InputErrorDetails) {
    super(formatInputError(details), { cause: details.cause });
    this.name = "InputError";
    this.code = details.code;
    this.file = details.file;
    this.line = details.line;
    this.fieldPath = details.fieldPath;
    this.reason = details.reason;
  }
}

export function formatInputError(d: Omit<InputErrorDetails, "code" | "cause">): string {
  const location = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  const field = d.fieldPath === undefined || d.fieldPath === "" ? "" : `${d.fieldPath}: `;
  return `${location}: ${field}${d.reason}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `["behaviour", "drivers", 0, "x.y"]` as `behaviour.drivers[0]["x.y"]`. */
export function formatFieldPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** A plain-words reason for one zod issue (zod's own wording is kept for custom checks). */
export function issueReason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (!issue.message.startsWith("Invalid input")) return issue.message;
      return issue.message.includes("received undefined")
        ? "required field is missing"
        : `expected ${issue.expected}${receivedSuffix(issue.message)}`;
    case "unrecognized_keys":
      return "unknown field";
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      return "does not match any allowed form";
    case "too_small":
    case "too_big":
      return isZodDefaultMessage(issue.message) ? boundReason(issue) : issue.message;
    default:
      return issue.message;
  }
}

function receivedSuffix(message: string): string {
  const match = /received (\w+)/.exec(message);
  return match === null ? "" : `, got ${match[1]}`;
}

function isZodDefaultMessage(message: string): boolean {
  return message.startsWith("Too small") || message.startsWith("Too big");
}

function boundReason(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const bound = small ? issue.minimum : issue.maximum;
  const inclusive = issue.inclusive ?? true;
  if (issue.origin === "array" || issue.origin === "set") {
    if ("exact" in issue && issue.exact === true) return `must have exactly ${bound} entries`;
    return `must have ${small ? "at least" : "at most"} ${bound} entries`;
  }
  if (issue.origin === "string") {
    return `must be ${small ? "at least" : "at most"} ${bound} characters long`;
  }
  if (small) return inclusive ? `must be at least ${bound}` : `must be greater than ${bound}`;
  return inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
}

/**
 * One InputError per zod issue. An unknown field is reported at its own path (the key
 * appended), so the message points at the offending key. `lineOf` maps a path to a line
 * where the caller knows the file's layout (YAML); a trace passes the line directly.
 */
export function inputErrorsFromZod(
  error: { readonly issues: readonly z.core.$ZodIssue[] },
  where: {
    file: string;
    line?: number;
    pathPrefix?: string;
    lineOf?: (path: readonly PropertyKey[]) => number | undefined;
  },
): InputError[] {
  const errors: InputError[] = [];
  for (const issue of error.issues.flatMap(unwrapUnion)) {
    const paths: PropertyKey[][] =
      issue.code === "unrecognized_keys"
        ? issue.keys.map((k) => [...issue.path, k])
        : [[...issue.path]];
    for (const path of paths) {
      errors.push(
        new InputError({
          code: "SCHEMA",
          file: where.file,
          line: where.line ?? where.lineOf?.(path),
          fieldPath: formatFieldPath(path, where.pathPrefix),
          reason: issueReason(issue),
        }),
      );
    }
  }
  return errors;
}

/**
 * An `invalid_union` issue as the issues of the one alternative whose type matched (a
 * string given where a scheme name or a scheme object is allowed is judged as a name), so
 * the reason says what is wrong rather than "does not match any allowed form".
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  const typeMatched = issue.errors.filter(
    (branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0),
  );
  const [branch] = typeMatched;
  if (typeMatched.length !== 1 || branch === undefined) return [issue];
  return branch
    .map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue)
    .flatMap(unwrapUnion);
}

/** Several errors of one file, reported as the first (with a count) and listed in `errors`. */
export class AggregateInputError extends InputError {
  readonly errors: readonly InputError[];

  constructor(errors: readonly InputError[]) {
    const [first] = errors;
    if (first === undefined) throw new RangeError("AggregateInputError needs an error");
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    super({
      code: first.code,
      file: first.file,
      line: first.line,
      fieldPath: first.fieldPath,
      reason: `${first.reason}${more}`,
    });
    this.name = "AggregateInputError";
    this.errors = errors;
  }
}

/** The error to throw for a non-empty list: the only one, or an aggregate of all. */
export function oneInputError(errors: readonly InputError[]): InputError {
  const [first] = errors;
  if (errors.length === 1 && first !== undefined) return first;
  return new AggregateInputError(errors);
}

/** A file system error in plain words (`no such file`). */
export function describeIoError(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return cause instanceof Error ? cause.message : String(cause);
}
