// Worker entry of the push benchmark: register tsx on this thread, then load the emulators.
import { register } from 'tsx/esm/api';

register();
await import('./push-emulators.ts');
