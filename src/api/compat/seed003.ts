import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';

/** Seed 003's dialect (being built). */
export const seed003Routes = new Hono<AppEnv>();
