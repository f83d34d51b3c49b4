/** TLS 1.2 at least; API Gateway's `TLS_1_0` policy would also accept TLS 1.0 and 1.1 clients. */
export const DOMAIN_SECURITY_POLICY = "TLS_1_2";
