import type { PanelIdentity } from '../features/panel/sessions';
import type { AppEnv } from '../http/context';

/** The app's env plus who is signed in to the panel, their CSRF token and the parsed form of a POST. */
export type PanelEnv = {
  Bindings: AppEnv['Bindings'];
  Variables: AppEnv['Variables'] & {
    panel: PanelIdentity;
    csrf: string;
    form: Record<string, string>;
    nonce: string;
  };
};
