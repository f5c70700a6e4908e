"""Network analysis of the graph: sparse pair statistics (:mod:`.pairs`), networkx views built
from the query library (:mod:`.networks`) and the report (:mod:`.report`)."""
