// Slows password guessing at the login form: consecutive failures for one login from one address block that pair
// for a while, and many failures from one address (any logins) block the address. Counting is done by
// rate-limiter-flexible's in-memory limiters (one server process keeps the counts; a restart forgets them, which
// only shortens a block). A successful login clears its pair's count.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginThrottleOptions {
  /** Consecutive failures of one login from one address before it is blocked. */
  failuresPerLogin?: number;
  /** Failures from one address, over all logins, within `addressWindowSeconds`, before the address is blocked. */
  failuresPerAddress?: number;
  addressWindowSeconds?: number;
  /** How long a block lasts. */
  blockSeconds?: number;
}

export const DEFAULT_LOGIN_THROTTLE: Required<LoginThrottleOptions> = {
  failuresPerLogin: 5,
  failuresPerAddress: 50,
  addressWindowSeconds: 60 * 60,
  blockSeconds: 15 * 60,
};

export class LoginThrottle {
  private readonly byLogin: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;
  private readonly options: Required<LoginThrottleOptions>;

  constructor(options: LoginThrottleOptions = {}) {
    this.options = { ...DEFAULT_LOGIN_THROTTLE, ...options };
    const { failuresPerLogin, failuresPerAddress, addressWindowSeconds, blockSeconds } = this.options;
    // Consecutive failures: the count lives until a success deletes it (or the block ends).
    this.byLogin = new RateLimiterMemory({
      keyPrefix: 'login',
      points: failuresPerLogin,
      duration: blockSeconds,
      blockDuration: blockSeconds,
    });
    this.byAddress = new RateLimiterMemory({
      keyPrefix: 'address',
      points: failuresPerAddress,
      duration: addressWindowSeconds,
      blockDuration: blockSeconds,
    });
  }

  /** Seconds until this login from this address may try again; 0 when it may try now. */
  async waitSeconds(login: string, address: string): Promise<number> {
    const [pair, addr] = await Promise.all([
      this.byLogin.get(pairKey(login, address)),
      this.byAddress.get(address),
    ]);
    return Math.max(
      blockedFor(pair, this.options.failuresPerLogin),
      blockedFor(addr, this.options.failuresPerAddress),
    );
  }

  async failed(login: string, address: string): Promise<void> {
    await Promise.all([
      this.count(this.byLogin, pairKey(login, address), this.options.failuresPerLogin),
      this.count(this.byAddress, address, this.options.failuresPerAddress),
    ]);
  }

  async succeeded(login: string, address: string): Promise<void> {
    await this.byLogin.delete(pairKey(login, address));
  }

  /** One more failure; the one that reaches the limit blocks the key for the whole block time. */
  private async count(limiter: RateLimiterMemory, key: string, points: number): Promise<void> {
    const res = await limiter.penalty(key, 1);
    if (res.consumedPoints >= points) await limiter.block(key, this.options.blockSeconds);
  }
}

const pairKey = (login: string, address: string) => `${login.toLowerCase()}|${address}`;

function blockedFor(res: RateLimiterRes | null, points: number): number {
  if (!res || res.consumedPoints < points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** The client's address as the server socket sees it; requests made in-process (tests) have none. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** "15 分钟" / "40 秒" for a waiting time. */
export function waitText(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
}
