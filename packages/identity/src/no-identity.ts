import { IdentityError, type IdentityProvider, type TokenVerifier } from '@mekendesh/domain';

/**
 * For code that must never reach Cognito (scheduled jobs, tests and benchmarks of public routes): every
 * token is refused, and every identity call fails loudly with `reason`.
 */
export function noIdentity(reason = 'no identity service here'): { identity: IdentityProvider; verifier: TokenVerifier } {
  const fail = async (): Promise<never> => {
    throw new Error(reason);
  };
  return {
    identity: { signUp: fail, confirm: fail, signIn: fail, refresh: fail, revoke: fail, forgotPassword: fail, resetPassword: fail, addToGroup: fail, deleteUser: fail, emailOf: fail },
    verifier: {
      verify: async () => {
        throw new IdentityError('invalid_token');
      },
    },
  };
}
