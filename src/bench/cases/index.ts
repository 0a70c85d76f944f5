// Every benchmark case module, imported for its registration. Add one line per module.
import './parse.js';
import './pdf.js';
import './office.js';
import './audit.js';
import './render.js';
import './generate.js';
import './store.js';
import './web.js';
