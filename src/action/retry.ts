// Bounded retries for GitHub API calls: server errors (5xx) and rate limits (403/429 that say so).

/** How many times and how long to retry. Delays are in milliseconds. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay; doubled on each further retry. */
  baseDelayMs: number;
  /** Longest single wait; a longer `retry-after` or rate-limit reset is cut to this. */
  maxDelayMs: number;
}

/** Defaults: three retries, 1 s doubling backoff, at most 60 s per wait. */
export const defaultRetryPolicy: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };

/**
 * The policy with overrides from the environment (`RATIONALE_RETRY_COUNT`,
 * `RATIONALE_RETRY_BASE_MS`, `RATIONALE_RETRY_MAX_MS`), so tests can make waits tiny.
 */
export function retryPolicyFromEnv(env: NodeJS.ProcessEnv): RetryPolicy {
  const read = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== "" && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return {
    retries: read("RATIONALE_RETRY_COUNT", defaultRetryPolicy.retries),
    baseDelayMs: read("RATIONALE_RETRY_BASE_MS", defaultRetryPolicy.baseDelayMs),
    maxDelayMs: read("RATIONALE_RETRY_MAX_MS", defaultRetryPolicy.maxDelayMs),
  };
}

/** The parts of a failed response that decide whether to retry. */
export interface FailedResponse {
  status: number;
  method: string;
  headers: Record<string, string | number | undefined>;
  /** The error message GitHub sent, when known ("You have exceeded a secondary rate limit"). */
  message?: string;
}

/**
 * Whether a refusal is a rate limit rather than a permission problem: 429, or a 403 with
 * `retry-after`, with `x-ratelimit-remaining: 0`, or whose message says "rate limit"
 * (secondary rate limits may come without either header).
 */
export function isRateLimited(failure: Pick<FailedResponse, "status" | "headers" | "message">): boolean {
  if (failure.status === 429) return true;
  if (failure.status !== 403) return false;
  return header(failure.headers, "retry-after") !== undefined || header(failure.headers, "x-ratelimit-remaining") === "0" || /rate limit/i.test(failure.message ?? "");
}

function header(headers: FailedResponse["headers"], name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return value === undefined ? undefined : String(value);
}

/**
 * When a rate-limited failure says the limit lifts, in epoch milliseconds: `retry-after`
 * (seconds, or an HTTP date), else `x-ratelimit-reset` (epoch seconds). Undefined for a failure
 * that is no rate limit or names no time (a secondary rate limit may not).
 */
export function rateLimitReset(failure: Pick<FailedResponse, "status" | "headers" | "message">, now = Date.now()): number | undefined {
  if (!isRateLimited(failure)) return undefined;
  const retryAfter = header(failure.headers, "retry-after");
  if (retryAfter !== undefined && retryAfter.trim() !== "" && Number.isFinite(Number(retryAfter))) return now + Math.max(Number(retryAfter), 0) * 1000;
  const until = retryAfter === undefined ? Number.NaN : Date.parse(retryAfter);
  if (Number.isFinite(until)) return until;
  const reset = header(failure.headers, "x-ratelimit-reset");
  if (reset !== undefined && reset.trim() !== "" && Number.isFinite(Number(reset))) return Number(reset) * 1000;
  return undefined;
}

/** How long `policy` waits at most over all its retries: each wait is capped at `maxDelayMs`. */
export function longestWait(policy: RetryPolicy): number {
  return policy.retries * policy.maxDelayMs;
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based), or null when the failure is not
 * worth retrying or retries are used up. POST is not retried on 5xx: the first try may have
 * created the resource (a second sticky comment); rate-limit refusals are never processed, so
 * they are retried for every method. A rate limit is waited out until it lifts, each wait capped
 * at `maxDelayMs`, but not when it lifts later than the retries left could wait (the primary
 * limit resets on the hour): those retries would fail alike, so the caller fails at once.
 */
export function retryDelay(failure: FailedResponse, attempt: number, policy: RetryPolicy, now = Date.now()): number | null {
  if (attempt > policy.retries) return null;
  const backoff = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  if (isRateLimited(failure)) {
    const reset = rateLimitReset(failure, now);
    if (reset === undefined) return backoff;
    const wait = Math.max(reset - now, 0);
    if (wait > (policy.retries - attempt + 1) * policy.maxDelayMs) return null;
    return Math.min(wait, policy.maxDelayMs);
  }
  if (failure.status >= 500 && failure.method.toUpperCase() !== "POST") return backoff;
  return null;
}
