// The names of the demo world: fixed lists, so logins are predictable without knowing the seed.

export interface ResellerName {
  name: string;
  slug: string;
  operator: string;
}

export const resellerNames: readonly ResellerName[] = [
  { name: "Northwind IT Services", slug: "northwind", operator: "Northwind IT operations" },
  { name: "Bluepeak Managed IT", slug: "bluepeak", operator: "Bluepeak service desk" },
  { name: "Harbour Lane Systems", slug: "harbourlane", operator: "Harbour Lane support" },
];

const customerNames: readonly string[] = [
  "Acme Dental Care",
  "Birchwood Accountants",
  "Carver & Lowe Solicitors",
  "Delta Freight Logistics",
  "Elm Street Bakery",
  "Fairview Veterinary Clinic",
  "Granite Peak Architects",
  "Hollis Family Practice",
  "Ironbridge Engineering",
  "Juniper Hotel",
  "Kestrel Print Works",
  "Lakeside Physiotherapy",
  "Maple Leaf Insurance Brokers",
  "Northgate Property Management",
  "Oakridge Primary School",
  "Pinecrest Dental Lab",
  "Quayside Marine Supplies",
  "Riverbend Opticians",
  "Silverline Recruitment",
  "Thornton Chartered Surveyors",
  "Upland Farm Cooperative",
  "Vantage Wealth Advisers",
  "Willow Tree Nursery",
  "Yardley Motors",
  "Zenith Travel",
  "Ashford Legal",
  "Bramble Cafe",
  "Castle Hill Pharmacy",
  "Dovetail Joinery",
  "Evergreen Landscaping",
  "Foxglove Florists",
  "Greenway Cycles",
  "Harrow & Finch Estate Agents",
  "Ivy Lane Interiors",
  "Jasper Audio Visual",
  "Kingfisher Swim School",
  "Larkspur Yoga Studio",
  "Meridian Translation",
  "Nettlefield Brewery",
  "Orchard Street Clinic",
  "Penrose Music Academy",
  "Quill & Ink Publishing",
  "Redwood Dental Group",
  "Saltmarsh Seafood",
  "Tidewater Plumbing",
  "Unity Credit Union",
  "Valley Electrical",
  "Westbrook Chiropractic",
  "Yew Tree Care Home",
  "Alder Consulting",
  "Beacon Hill Surgery",
  "Copperfield Accountancy",
  "Driftwood Design Studio",
  "Eastgate Pharmacy",
  "Fernhill Vets",
  "Goldcrest Financial Planning",
  "Highfield Golf Club",
  "Inkwell Marketing",
  "Jubilee Community Trust",
  "Kettle & Co Catering",
  "Lindenwood Law",
  "Moorland Outdoor Gear",
];

export const firstNames: readonly string[] = [
  "anna", "ben", "chloe", "david", "emma", "farid", "grace", "hugo", "isla", "jonas",
  "kate", "liam", "maria", "noah", "olivia", "priya", "raj", "sofia", "tom", "zoe",
];

export const projectNames: readonly string[] = ["Harbour Road", "Mill Lane", "Riverside", "Station Yard", "Kings Court", "Elm Park"];

export interface CustomerName {
  name: string;
  slug: string;
  /** Upper-case initials for Windows host names: "Acme Dental Care" -> "ADC". */
  initials: string;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Customer i of the demo world; past the list the names repeat with a round number. */
export function nameCustomer(index: number): CustomerName {
  const base = customerNames[index % customerNames.length] as string;
  const round = Math.floor(index / customerNames.length);
  const name = round === 0 ? base : `${base} ${round + 1}`;
  const initials = base
    .split(/\s+/)
    .filter((word) => /^[A-Za-z]/.test(word))
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("")
    .slice(0, 4);
  return { name, slug: slugify(name), initials };
}
