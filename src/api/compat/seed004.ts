import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';

/** Seed 004's dialect (being built). */
export const seed004Routes = new Hono<AppEnv>();
