// The national 部门决算 template as central departments and their affiliated units publish it (中央部门决算: a
// Ministry-of-Education university's, a ministry's): the same nine tables as the Shanghai 决算 family, numbered
// 公开01表 … right of the title, a 行次 column on the two-sided tables, a 栏次 row, the unit in the 编制单位 line.
// Its vocabulary is the national one the Shanghai 决算 module already holds; what differs is that nothing names
// Shanghai, and the rows are not split over lines the ONLYOFFICE way (no `splitRows`).
import type { FamilyModule } from '../family.js';
import { shanghaiFinal } from './shanghai_final.js';

/** Titles of the national template's tables: three of them are enough to know the template. */
const TITLES: RegExp[] = [
  /收入支出决算总表/,
  /收入决算表/,
  /支出决算表/,
  /财政拨款收入支出决算总表/,
  /一般公共预算财政拨款基本支出决算表/,
  /财政拨款.?三公.?经费支出决算表/,
];

export const centralFinal: FamilyModule = {
  ...shanghaiFinal,
  id: 'central_final',
  detect(doc) {
    if (/上海/.test(doc.all)) return 0;
    // above the Shanghai module's score, which the national titles alone reach
    return TITLES.filter((re) => re.test(doc.all)).length >= 3 ? 13 : 0;
  },
  splitRows: false,
};
