/** How long Tempo keeps traces: two weeks, enough to follow a trace id found in a log line. */
import { tempoRetention } from '../src/builders/index.ts';

export default tempoRetention('tempo').blocks('14d');
