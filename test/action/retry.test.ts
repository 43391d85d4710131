// Retry decisions: which failures are retried, how long to wait, and when to stop.
import { describe, expect, it } from "vitest";
import { isRateLimited, retryDelay, retryPolicyFromEnv, type RetryPolicy } from "../../src/action/retry.js";

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
    expect(retryDelay({ status: 403, method: "GET", headers: { "retry-after": "60" } }, 1, policy)).toBe(10_000);
    const now = 1_700_000_000_000;
    const reset = { status: 403, method: "GET", headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 5) } };
    expect(retryDelay(reset, 1, policy, now)).toBe(5000);
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
