// The platform reads the overrides from the Worker's settings; connectors and their tests name them here.
export { apiBaseOverrides } from '../platform/api-base';
