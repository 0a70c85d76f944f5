// `yusuan template [--family NAME] -o FILE.xlsx`
import { UsageError } from '../io.js';

export async function templateCommand(_opts: Record<string, unknown>): Promise<number> {
  throw new UsageError('template 命令尚未完成');
}
