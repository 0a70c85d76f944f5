// A layout is data: the order of the parts, the titles, and for each table kind its title, number, unit and
// column set. Renderers read a layout; no computation lives here, so a family is added without touching them.
import type { MoneyUnit } from '../../model/money.js';
import type { ColumnId, DocumentKind, Family, SectionKind, TableKind } from '../../model/schema.js';

/** A column that labels the row rather than holding an amount. */
export type RowHeaderKind =
  | 'code' // 科目编码 printed as one string
  | 'code_class' // 类 (3 digits)
  | 'code_item' // 款 (2 digits)
  | 'code_sub' // 项 (2 digits)
  | 'name' // 科目名称 / 项目
  | 'governmentName'; // 政府预算经济科目名称 beside the 部门 name

export interface RowHeaderTemplate {
  kind: RowHeaderKind;
  label: string;
  /** Header of the group spanning several columns in the first header row ("项目", "功能分类科目编码"). */
  group?: string;
}

export interface ColumnTemplate {
  id: ColumnId;
  label: string;
  group?: string;
}

/** One side of a two-sided table (收支总表: income | expenditure). */
export interface SideTemplate {
  title: string;
  rowHeader: string;
  /** Coded sides (国有资本经营预算收支表) print the code and name columns instead of one label column. */
  rowHeaders?: RowHeaderTemplate[];
  columns: ColumnTemplate[];
  /** Relative widths of the label column and of each amount column, when the defaults (3.2, 1.2) do not suit. */
  widths?: { label: number; amount: number };
}

export interface TableTemplate {
  kind: TableKind;
  /** Title with `{year}` and `{unit}` placeholders. */
  title: string;
  /** Printed number with `{n}` (the table's position among the layout's tables). */
  number?: string;
  unit: MoneyUnit;
  /** Decimals printed for amounts. */
  scale: number;
  rowHeaders: RowHeaderTemplate[];
  columns: ColumnTemplate[];
  /** Two-sided tables replace rowHeaders/columns with two sides. */
  sides?: { income: SideTemplate; expenditure: SideTemplate };
  /** Print the column numbers (1, 2, 3 …) under the header, as the project tables do. */
  numberRow?: boolean;
  /** Where the 合计 row goes: first (Shanxi) or last (Shanghai). */
  totalPosition: 'first' | 'last';
  /** Title suffix when another table's totals are folded in (Shanghai 三公 + 机关运行经费). */
  appendTotalOf?: { kind: TableKind; label: string };
}

/** Which explanation sections a block of the document holds. */
export interface SectionGroup {
  kinds: 'rest' | readonly SectionKind[];
}

/** One block of the document, in printed order. */
export type LayoutPart =
  | { type: 'overview'; heading: string; duties: string; organisation: string }
  | { type: 'duties'; heading: string }
  | { type: 'organisation'; heading: string }
  | { type: 'tables'; heading: string; numbered: boolean }
  | { type: 'sections'; heading: string; group: SectionGroup }
  | { type: 'glossary'; heading: string };

export interface Layout {
  family: Family;
  /** Human name of the layout. */
  name: string;
  /** Words for the document kind ("单位预算", "部门预算" …). */
  kindWords: Record<DocumentKind, string>;
  /** Cover lines with `{unit}`, `{year}`, `{kind}` placeholders. */
  cover: { title: string; subtitle: string };
  /** Words before part headings, e.g. "第一部分"; empty for flat numbering. */
  parts: LayoutPart[];
  tables: TableTemplate[];
  /** Label printed above each table ("单位名称：", "编制单位："). */
  unitNameLabel: string;
  /** Note printed under a table published without data. */
  emptyNote: string;
  /** Title of the performance forms. */
  performanceFormTitle: string;
  /** Issuer printed before the forms' title when a form does not carry its own title (`{region}`). */
  performanceFormIssuer?: string;
  /**
   * The indicator rows every form of the family prints, filled or not (一级 → 二级 in order): a blank 生态效益指标
   * row says that the preparer considered it.
   */
  standardIndicators?: readonly { level1: string; level2: readonly string[] }[];
  /** Glossary numbering: "一、" (Shanxi) or "（一）" (Shanghai). */
  glossaryNumbering: 'plain' | 'parenthesised';
}

/** Fills `{year}`, `{unit}` and `{kind}` placeholders. */
export function fill(
  template: string,
  values: { year: number; unit: string; kind: string; n?: number; region?: string },
): string {
  return template
    .replaceAll('{region}', values.region ?? '')
    .replaceAll('{year}', String(values.year))
    .replaceAll('{unit}', values.unit)
    .replaceAll('{kind}', values.kind)
    .replaceAll('{n}', values.n === undefined ? '' : String(values.n));
}
