// The web checker's entry point (dist/web/index.html): the page and its pool of checking workers.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createCheckService } from "./services/checkService";

const root = document.getElementById("root");
if (root) createRoot(root).render(<App service={createCheckService({ prestart: true })} />);
