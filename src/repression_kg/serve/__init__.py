"""`rkg serve`: a read-only SPARQL 1.1 endpoint and linked-data server on loopback.

Queries run in killable worker processes (time and row limits that really stop a query);
entity IRIs dereference to HTML pages or RDF by content negotiation; a query page lists
the named queries of queries/. See docs/site-and-server.md.
"""

from repression_kg.serve.app import Server, ServerConfig, serve

__all__ = ["Server", "ServerConfig", "serve"]
