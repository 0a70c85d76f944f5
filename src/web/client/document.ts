// The document page's island: findings → places.
import { bindFindings } from './findings.js';

bindFindings();
