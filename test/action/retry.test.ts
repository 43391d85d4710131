// Retry decisions: which failures are retried, how long to wait, and when to stop.
import { describe, expect, it } from "vitest";
import { defaultRetryPolicy, isRateLimited, rateLimitReset, retryDelay, retryPolicyFromEnv, type RetryPolicy } from "../../src/action/retry.js";
import { describeError } from "../../src/action/run.js";

const policy: RetryPolicy = { retries: 3, baseDelayMs: 100, maxDelayMs: 10_000 };

describe("retryDelay", () => {
  it("backs off exponentially on 5xx for GET, PATCH and PUT, and stops after the retries", () => {
    const failure = { status: 502, method: "GET", headers: {} };
    expect([1, 2, 3, 4].map((attempt) => retryDelay(failure, attempt, policy))).toEqual([100, 200, 400, null]);
    expect(retryDelay({ ...failure, method: "PATCH" }, 1, policy)).toBe(100);
  });

  it("does not retry a POST on 5xx (it may have created the comment)", () => {
    expect(retryDelay({ status: 502, method: "POST", headers: {} }, 1, policy)).toBeNull();
  });

  it("waits retry-after or until x-ratelimit-reset on rate limits, capped", () => {
    expect(retryDelay({ status: 429, method: "POST", headers: { "retry-after": "3" } }, 1, policy)).toBe(3000);
    expect(retryDelay({ status: 403, method: "GET", headers: { "retry-after": "25" } }, 1, policy)).toBe(10_000);
    const now = 1_700_000_000_000;
    const reset = { status: 403, method: "GET", headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 5) } };
    expect(retryDelay(reset, 1, policy, now)).toBe(5000);
  });

  it("gives up at once when the rate limit resets later than the retries left could wait", () => {
    // policy: 3 retries of at most 10 s each, so 30 s in all.
    const now = 1_700_000_000_000;
    const resetIn = (seconds: number) => ({ status: 403, method: "GET", headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + seconds) } });
    expect(retryDelay(resetIn(3600), 1, policy, now)).toBeNull();
    expect(retryDelay({ status: 429, method: "GET", headers: { "retry-after": "3600" } }, 1, policy, now)).toBeNull();
    expect(retryDelay({ status: 429, method: "GET", headers: { "retry-after": "Thu, 14 Nov 2023 23:13:20 GMT" } }, 1, policy, now)).toBeNull();
    // Within reach, the documented cap of each wait still applies.
    expect(retryDelay(resetIn(25), 1, policy, now)).toBe(10_000);
    expect(retryDelay(resetIn(25), 3, policy, now)).toBeNull();
    expect(retryDelay(resetIn(8), 3, policy, now)).toBe(8000);
    expect(rateLimitReset({ status: 403, headers: resetIn(3600).headers, message: "API rate limit exceeded" }, now)).toBe(now + 3_600_000);
    expect(rateLimitReset({ status: 429, headers: { "retry-after": "7" } }, now)).toBe(now + 7000);
    expect(rateLimitReset({ status: 502, headers: { "retry-after": "7" } }, now)).toBeUndefined();
  });

  it("names when the rate limit resets, and to re-run the job when the action does not wait that long", () => {
    const now = 1_700_000_000_000;
    const limited = (seconds: number) =>
      Object.assign(new Error("API rate limit exceeded for installation ID 1."), {
        status: 403,
        request: { method: "GET", url: "https://api.github.com/repos/acme/widgets/pulls/1/commits" },
        response: { headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + seconds) } },
      });
    expect(describeError(limited(3600), defaultRetryPolicy, now)).toBe(
      "GitHub API answered 403: API rate limit exceeded for installation ID 1. (GET /repos/acme/widgets/pulls/1/commits); " +
        "the rate limit resets at 2023-11-14T23:13:20Z, in 60 min, later than the action waits (3 retries of at most 60 s): re-run the job after that",
    );
    expect(describeError(limited(30), defaultRetryPolicy, now)).toBe(
      "GitHub API answered 403: API rate limit exceeded for installation ID 1. (GET /repos/acme/widgets/pulls/1/commits); the rate limit resets at 2023-11-14T22:13:50Z, in 30 s",
    );
  });

  it("takes a secondary rate limit without headers, and a retry-after date, for rate limits", () => {
    const secondary = { status: 403, method: "POST", headers: {}, message: "You have exceeded a secondary rate limit. Please wait a few minutes." };
    expect(isRateLimited(secondary)).toBe(true);
    expect(retryDelay(secondary, 1, policy)).toBe(100);
    expect(isRateLimited({ status: 403, headers: {}, message: "Resource not accessible by integration" })).toBe(false);
    const now = Date.parse("2026-11-26T10:00:00Z");
    expect(retryDelay({ status: 429, method: "GET", headers: { "retry-after": "Thu, 26 Nov 2026 10:00:07 GMT" } }, 1, policy, now)).toBe(7000);
  });

  it("does not retry a 403 that is not a rate limit, nor 4xx errors", () => {
    expect(retryDelay({ status: 403, method: "POST", headers: { "x-ratelimit-remaining": "4999" } }, 1, policy)).toBeNull();
    expect(retryDelay({ status: 404, method: "GET", headers: {} }, 1, policy)).toBeNull();
    expect(retryDelay({ status: 422, method: "PATCH", headers: {} }, 1, policy)).toBeNull();
  });

  it("reads test overrides from the environment and ignores junk", () => {
    expect(retryPolicyFromEnv({ RATIONALE_RETRY_BASE_MS: "1", RATIONALE_RETRY_MAX_MS: "5", RATIONALE_RETRY_COUNT: "x" })).toEqual({
      retries: 3,
      baseDelayMs: 1,
      maxDelayMs: 5,
    });
  });
});
