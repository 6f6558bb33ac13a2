import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/errors";
import { env } from "../env";
import { authenticate } from "./authenticate";
import { clientIp } from "./client-ip";
import { LoginError } from "./login-error";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  // Behind `next start` or a reverse proxy the host header is the portal's own address.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an expected outcome, recorded in login_attempts: keep it out of the error log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        let result;
        try {
          result = await authenticate(getDb(), { login: credentials.login, password: credentials.password, ip: clientIp(request.headers) });
        } catch (error) {
          if (isDatabaseUnavailable(error)) throw new LoginError("db_unavailable");
          throw error;
        }
        if (!result.ok) throw new LoginError(result.code, result.retryMinutes?.toString());
        return { id: String(result.userId) };
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id; role, reseller and disabled flag are read per request.
    jwt({ token, user }) {
      return { sub: user?.id ?? token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" } } as typeof session;
    },
  },
});
