import { buildApp } from './app';

export { SessionDO } from './session/session-do';

const app = buildApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
