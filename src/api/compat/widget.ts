import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';

/** The embeddable widget script (being built). */
export const widgetRoutes = new Hono<AppEnv>();
