export { mercadopagoConnector } from './client';
