// `yusuan render INPUT --format html|pdf|docx|xlsx|txt -o OUT`
import { UsageError } from '../io.js';

export async function renderCommand(_inputs: string[], _opts: Record<string, unknown>): Promise<number> {
  throw new UsageError('render 命令尚未完成');
}
