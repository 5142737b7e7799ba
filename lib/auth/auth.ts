import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { env } from "@/lib/env";
import { getAuthSecret } from "@/lib/auth/secret";
import { requestIp } from "@/lib/auth/request-ip";
import { SESSION_MAX_AGE_SECONDS, createSession, findSessionUser, revokeSession } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/auth/sign-in";
import { logAuthError } from "@/lib/auth/auth-log";
import { findOrCreateGithubUser, type PublicUser } from "@/lib/auth/users";

declare module "next-auth" {
  interface Session {
    sessionId: string;
    user: PublicUser;
  }
}

/** Thrown from authorize(): the sign-in form and the route say "try again in N minutes". */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const githubEnabled = Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET);

// Credentials sign-in needs the JWT strategy. The token carries only a session id; every request
// checks that row (lib/auth/sessions.ts), which is what makes sign-out and "sign out everywhere" real.
const config = (): NextAuthConfig => ({
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticate(credentials, requestIp(request.headers), new Date());
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (result.reason === "rate_limited") throw new SignInRateLimited();
        return null;
      },
    }),
    ...(githubEnabled ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })] : []),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "github") return true;
      if (!user.email) return "/sign-in?error=GithubNoEmail";
      try {
        const clioUser = await findOrCreateGithubUser({
          githubId: String(account.providerAccountId),
          email: user.email,
          name: user.name ?? String(profile?.login ?? ""),
        });
        user.id = clioUser.id;
        return true;
      } catch {
        return "/sign-in?error=GithubEmailTaken";
      }
    },
    async jwt({ token, user }) {
      const now = new Date();
      if (user?.id) {
        token.sid = await createSession(user.id, now);
      }
      const live = typeof token.sid === "string" ? await findSessionUser(token.sid, now) : null;
      if (!live) return null; // revoked or expired: Auth.js clears the cookie
      token.user = live;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: token.sid as string, user: token.user as PublicUser };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid, new Date());
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error: (error) => logAuthError(error),
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
