// A file that cannot be read ends in a ReadError: one Chinese sentence naming the file and the reason.

export class ReadError extends Error {
  constructor(
    readonly file: string,
    /** Reason in Chinese, without the file name ("文件为空"). */
    readonly reason: string,
    readonly code: string = 'unreadable',
  ) {
    super(`${file}：${reason}`);
    this.name = 'ReadError';
  }
}
