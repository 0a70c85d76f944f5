// Every family module, registered in one list. A new family adds its module and one line here.
import { registerFamily } from '../family.js';
import { shanxi } from './shanxi.js';

registerFamily(shanxi);
