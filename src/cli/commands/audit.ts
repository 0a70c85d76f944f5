// `yusuan audit FILE… [--format text|json|html|csv] [--fail-on error|warning|never] [--prior FILE] [--rules]`
import { UsageError } from '../io.js';

export async function auditCommand(_files: string[], _opts: Record<string, unknown>): Promise<number> {
  throw new UsageError('audit 命令尚未完成');
}
