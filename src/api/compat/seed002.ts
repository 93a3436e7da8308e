import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';

/** Seed 002's dialect (being built). */
export const seed002Routes = new Hono<AppEnv>();
