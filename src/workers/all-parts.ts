import type { Part } from '../http/app';
import { controlPart } from './control-part';
import { corePart } from './core-part';
import { edgePart } from './edge-part';

/** Every route of Borda: the one-Worker build (src/index.ts), the API reference and the route tests. */
export const ALL_PARTS: readonly Part[] = [edgePart, controlPart, corePart];
