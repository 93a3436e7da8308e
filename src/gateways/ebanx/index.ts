export { ebanxConnector } from './client';
