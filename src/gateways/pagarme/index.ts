export { pagarmeConnector } from './client';
