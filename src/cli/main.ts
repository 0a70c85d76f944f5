// The `yusuan` command line (INTERFACES.md). Commands load their modules lazily so that `parse` does not pay
// for the browser, spreadsheet or chart libraries.
import { Command, CommanderError } from 'commander';
import { UsageError } from './io.js';

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command();
  program
    .name('yusuan')
    .description('预算公开/决算公开文件的读取、审核、生成与管理')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('parse')
    .description('读取公开文件（PDF、XLSX/XLS、DOCX、TXT）为数据模型')
    .argument('<files...>', '一个或多个文件')
    .option('--format <format>', 'json | cells | fdp', 'json')
    .option('-o, --output <path>', '输出文件（fdp 为目录）；缺省为标准输出')
    .option('--no-progress', '不显示进度条')
    .action(async (files: string[], opts) => {
      const { parseCommand } = await import('./commands/parse.js');
      code = await parseCommand(files, opts);
    });

  program
    .command('audit')
    .description('读取并审核公开文件')
    .argument('[files...]', '一个或多个文件')
    .option('--format <format>', 'text | json | html | csv | checklist', 'text')
    .option('--fail-on <severity>', 'error | warning | never', 'error')
    .option('--prior <file>', '同一单位上一年度的公开文件，用于核对上年数')
    .option('--rules', '列出全部审核规则')
    .option(
      '--url <address>',
      '检查表：发布地址（可重复，依次对应各文件）',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--published <date>', '检查表：公开日期 YYYY-MM-DD')
    .option('--approved <date>', '检查表：预算批复日期 YYYY-MM-DD（与公开日期一起按20日内公开核对）')
    .option('--no-pictures', '检查表：不生成问题截图')
    .option('-o, --output <path>', '输出文件；缺省为标准输出')
    .option('--no-progress', '不显示进度条')
    .action(async (files: string[], opts) => {
      const { auditCommand } = await import('./commands/audit.js');
      code = await auditCommand(files, opts);
    });

  program
    .command('render')
    .description('由数据（JSON/YAML 或填好的 XLSX 模板）生成完整的公开文件')
    .argument('<inputs...>', '输入文件')
    .requiredOption('--format <format>', 'html | pdf | docx | xlsx | txt')
    .requiredOption('-o, --output <path>', '输出文件（多个输入时为目录）')
    .option('--layout <family>', '版式：shanxi | shanghai')
    .action(async (inputs: string[], opts) => {
      const { renderCommand } = await import('./commands/render.js');
      code = await renderCommand(inputs, opts);
    });

  program
    .command('template')
    .description('生成空白的填报工作簿')
    .option('--family <name>', '版式：shanxi | shanghai', 'shanxi')
    .requiredOption('-o, --output <file>', '输出的 .xlsx 文件')
    .action(async (opts) => {
      const { templateCommand } = await import('./commands/template.js');
      code = await templateCommand(opts);
    });

  program
    .command('serve')
    .description('启动网页应用（首次启动时自动载入示例文件）')
    .option('--port <n>', '端口（缺省 8080 或环境变量 PORT）')
    .option('--host <address>', '监听地址（缺省 127.0.0.1；对外服务请置于 HTTPS 反向代理之后）')
    .option('--db <url>', '数据库：SQLite 文件路径或 postgres://…（缺省 ./data/yusuan.db 或 DATABASE_URL）')
    .option('--no-seed', '资料库为空时不自动载入示例文件')
    .action(async (opts) => {
      const { serveCommand } = await import('./commands/serve.js');
      code = await serveCommand(opts);
    });

  program
    .command('ingest')
    .description('把公开文件（文件或文件夹，递归）读入数据库：并行读取与审核，已入库的文件跳过')
    .argument('[paths...]', '文件或文件夹')
    .option('--db <url>', '数据库：SQLite 文件路径或 postgres://…（缺省为 DATABASE_URL 或 ./data/yusuan.db）')
    .option('--threads <n>', '读取线程数（缺省为处理器核数）')
    .option('--retry-failed', '重新尝试此前失败的文件')
    .option('--reaudit', '用当前规则重新审核已入库的全部文件')
    .option('--enqueue', '只保存文件并加入任务队列，由 yusuan worker 处理（需要 PostgreSQL）')
    .option('--retries <n>', '任务失败后的重试次数（队列，缺省 2）')
    .option('--job-timeout <seconds>', '任务超时秒数，超时视为处理进程崩溃（队列，缺省 900）')
    .option('--retry-delay <seconds>', '首次重试前等待的秒数，此后每次加倍（队列，缺省 30）')
    .option('--no-progress', '不显示进度条')
    .action(async (paths: string[], opts) => {
      const { ingestCommand } = await import('./commands/ingest.js');
      code = await ingestCommand(paths, opts);
    });

  program
    .command('query')
    .description(
      '查询数据库：units 单位 | documents 文件 | document 编号 | history 单位 | compare --year | findings | failures | facts（CSV）| export -o 目录（财政数据包）',
    )
    .argument(
      '<what>',
      'units | documents | document | history | compare | findings | failures | facts | export',
    )
    .argument('[args...]', '文件编号或单位（编号或名称的一部分）')
    .option('--db <url>', '数据库：SQLite 文件路径或 postgres://…（缺省为 DATABASE_URL 或 ./data/yusuan.db）')
    .option('--format <format>', 'table | csv | json', 'table')
    .option('-o, --output <path>', '输出文件（export 为目录）；缺省为标准输出')
    .option('--search <text>', '单位名称包含的文字')
    .option('--region <name>', '地区（如 江苏省）')
    .option('--year <year>', '年度')
    .option('--kind <kind>', 'unit_budget | department_budget | unit_final | department_final')
    .option('--family <family>', '版式')
    .option('--unit <unit>', '单位编号或名称的一部分')
    .option(
      '--fact <selector...>',
      '数据项：three_public.total、operating_costs.total、share.basic、code:2010301 …',
    )
    .option('--rule <id>', '审核规则编号')
    .option('--severity <level>', 'error | warning | info')
    .option('--limit <n>', '最多返回行数')
    .option('--offset <n>', '跳过的行数')
    .action(async (what: string, args: string[], opts) => {
      const { queryCommand } = await import('./commands/query.js');
      code = await queryCommand(what, args, opts);
    });

  program
    .command('worker')
    .description('处理任务队列中的入库任务（PostgreSQL；可在多台机器上同时运行多个）')
    .option('--db <url>', 'postgres://…（缺省为 DATABASE_URL）')
    .option('--threads <n>', '读取线程数（缺省为处理器核数）')
    .option('--retries <n>', '任务失败后的重试次数（缺省 2）')
    .option('--job-timeout <seconds>', '任务超时秒数，超时视为处理进程崩溃（缺省 900）')
    .option('--retry-delay <seconds>', '首次重试前等待的秒数，此后每次加倍（缺省 30）')
    .option('--until-empty', '队列清空后退出')
    .action(async (opts) => {
      const { workerCommand } = await import('./commands/worker.js');
      code = await workerCommand(opts);
    });

  program
    .command('bench [cases...]')
    .description('运行性能基准（可只运行指定的用例，如 parse.pdf_corpus）')
    .option('--quick', '快速模式（较少重复次数）')
    .option('--json', '以 JSON 输出结果')
    .action(async (cases: string[], opts) => {
      const { benchCommand } = await import('./commands/bench.js');
      code = await benchCommand({ ...opts, cases });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
        return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`错误：${e.message}\n`);
      return 2;
    }
    process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  return code;
}
