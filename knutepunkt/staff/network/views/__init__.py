"""Staff workspace views of the network app, split by subdomain."""
