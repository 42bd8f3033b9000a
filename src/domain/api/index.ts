import type { callbackContract } from "../callback/contract.js";
import type { contentContract } from "./content.js";
import type { placesContract } from "./places.js";
import type { projectsContract } from "./projects.js";
import type { steeringDataContract } from "./steering-data.js";
import type { accountsContract } from "./steering.js";

/**
 * Every endpoint of `/api/v1` the browser calls, by « METHOD /path » (types only: importing this module brings no
 * zod into a bundle). Add an area's contract here when the browser starts calling it.
 */
export type ApiContract = typeof contentContract &
  typeof placesContract &
  typeof callbackContract &
  typeof accountsContract &
  typeof steeringDataContract &
  typeof projectsContract;
export type Route = keyof ApiContract;
