// Every family module, registered in one list. A new family adds its module and one line here.
import { registerFamily } from '../family.js';
import { shanxi } from './shanxi.js';
import { shanghai } from './shanghai.js';
import { shanghaiFinal } from './shanghai_final.js';
import { jiangsu } from './jiangsu.js';
import { centralFinal } from './central_final.js';

registerFamily(shanxi);
registerFamily(shanghai);
registerFamily(shanghaiFinal);
registerFamily(jiangsu);
registerFamily(centralFinal);
