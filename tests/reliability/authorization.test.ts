// R5: the authorization matrix of issue 7 (every /api/v1 route and server action as each
// role, as nobody, and with another board's ids), run as part of the reliability suite on
// the same database kind. The matrix lives with the integration tests so `npm test` runs it too.
import "@/tests/integration/authorization-matrix.test";
