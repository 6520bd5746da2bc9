"""Staff sign-in: password, second factor, authenticator setup, sign-out, password reset."""
