import type { Locale } from '@assay/core';

/** Every fixed word printed in a guide, per language of the app. */
export interface GuideLabels {
  confidential: string;
  generated: string;
  page: (page: number, pages: number) => string;
  identification: string;
  rightsHolder: string;
  brand: string;
  reference: string;
  category: string;
  gtins: string;
  hsCodes: string;
  priceRange: string;
  countriesOfManufacture: string;
  status: string;
  statuses: Record<'active' | 'discontinued' | 'recalled', string>;
  levels: Record<'item' | 'inner_pack' | 'case', string>;
  description: string;
  packaging: string;
  images: string;
  imageKinds: Record<
    'product' | 'packaging' | 'label' | 'security_feature' | 'genuine' | 'counterfeit' | 'certificate',
    string
  >;
  guidePoints: string;
  covert: string;
  genuine: string;
  counterfeit: string;
  noImage: string;
  indicators: string;
  indicatorKinds: Record<'defect' | 'material' | 'price' | 'source' | 'route' | 'other', string>;
  none: string;
  languageNote: string;
  supplyChain: string;
  roles: Record<'manufacturer' | 'exporter' | 'importer' | 'distributor' | 'licensee' | 'carrier', string>;
  taxNumber: string;
  routes: string;
  ports: string;
  carriers: string;
  ipRights: string;
  ipRightTypes: Record<
    'trademark' | 'design' | 'patent' | 'copyright' | 'geographical_indication' | 'plant_variety',
    string
  >;
  classes: string;
  validUntil: string;
  recordation: (country: string) => string;
  recordationStatuses: Record<'filed' | 'granted' | 'expired' | 'refused' | 'withdrawn', string>;
  contacts: string;
  alwaysAvailable: string;
  speaks: string;
  worldwide: string;
}

const en: GuideLabels = {
  confidential: 'Confidential — for enforcement use',
  generated: 'Generated',
  page: (page, pages) => `Page ${page} of ${pages}`,
  identification: 'Identification',
  rightsHolder: 'Rights holder',
  brand: 'Brand',
  reference: 'Reference',
  category: 'Category',
  gtins: 'GTINs',
  hsCodes: 'HS codes',
  priceRange: 'Retail price range',
  countriesOfManufacture: 'Countries of manufacture',
  status: 'Status',
  statuses: { active: 'Active', discontinued: 'Discontinued', recalled: 'Recalled' },
  levels: { item: 'item', inner_pack: 'inner pack', case: 'case' },
  description: 'Description',
  packaging: 'Packaging',
  images: 'Images',
  imageKinds: {
    product: 'Product',
    packaging: 'Packaging',
    label: 'Label',
    security_feature: 'Security feature',
    genuine: 'Genuine',
    counterfeit: 'Counterfeit',
    certificate: 'Certificate',
  },
  guidePoints: 'How to tell genuine from counterfeit',
  covert: 'COVERT — restricted to authorities named by the rights holder',
  genuine: 'Genuine',
  counterfeit: 'Counterfeit',
  noImage: 'No image',
  indicators: 'Counterfeit indicators',
  indicatorKinds: {
    defect: 'Typical defect',
    material: 'Material',
    price: 'Price',
    source: 'Source',
    route: 'Route',
    other: 'Other',
  },
  none: '—',
  languageNote: 'Text marked [XX] is shown in the language it was entered in.',
  supplyChain: 'Legitimate supply chain',
  roles: {
    manufacturer: 'Manufacturer',
    exporter: 'Authorised exporter',
    importer: 'Authorised importer',
    distributor: 'Distributor',
    licensee: 'Licensee',
    carrier: 'Carrier',
  },
  taxNumber: 'Tax no.',
  routes: 'Usual routes',
  ports: 'ports',
  carriers: 'carriers',
  ipRights: 'IP rights',
  ipRightTypes: {
    trademark: 'Trademark',
    design: 'Design',
    patent: 'Patent',
    copyright: 'Copyright',
    geographical_indication: 'Geographical indication',
    plant_variety: 'Plant variety',
  },
  classes: 'classes',
  validUntil: 'valid until',
  recordation: (country) => `Application for action in ${country}`,
  recordationStatuses: {
    filed: 'filed',
    granted: 'granted',
    expired: 'expired',
    refused: 'refused',
    withdrawn: 'withdrawn',
  },
  contacts: 'Contacts',
  alwaysAvailable: '24/7',
  speaks: 'speaks',
  worldwide: 'worldwide',
};

const fr: GuideLabels = {
  confidential: 'Confidentiel — réservé aux services de contrôle',
  generated: 'Généré le',
  page: (page, pages) => `Page ${page} sur ${pages}`,
  identification: 'Identification',
  rightsHolder: 'Titulaire de droits',
  brand: 'Marque',
  reference: 'Référence',
  category: 'Catégorie',
  gtins: 'GTIN',
  hsCodes: 'Codes SH',
  priceRange: 'Prix de vente au détail',
  countriesOfManufacture: 'Pays de fabrication',
  status: 'Statut',
  statuses: { active: 'Actif', discontinued: 'Arrêté', recalled: 'Rappelé' },
  levels: { item: 'unité', inner_pack: 'emballage intermédiaire', case: 'carton' },
  description: 'Description',
  packaging: 'Emballage',
  images: 'Images',
  imageKinds: {
    product: 'Produit',
    packaging: 'Emballage',
    label: 'Étiquette',
    security_feature: 'Élément de sécurité',
    genuine: 'Authentique',
    counterfeit: 'Contrefaçon',
    certificate: 'Certificat',
  },
  guidePoints: 'Distinguer l’authentique de la contrefaçon',
  covert: 'CONFIDENTIEL — réservé aux autorités désignées par le titulaire',
  genuine: 'Authentique',
  counterfeit: 'Contrefaçon',
  noImage: 'Pas d’image',
  indicators: 'Indices de contrefaçon',
  indicatorKinds: {
    defect: 'Défaut typique',
    material: 'Matière',
    price: 'Prix',
    source: 'Provenance',
    route: 'Itinéraire',
    other: 'Autre',
  },
  none: '—',
  languageNote: 'Un texte marqué [XX] est affiché dans la langue où il a été saisi.',
  supplyChain: 'Chaîne d’approvisionnement légitime',
  roles: {
    manufacturer: 'Fabricant',
    exporter: 'Exportateur autorisé',
    importer: 'Importateur autorisé',
    distributor: 'Distributeur',
    licensee: 'Licencié',
    carrier: 'Transporteur',
  },
  taxNumber: 'N° fiscal',
  routes: 'Itinéraires habituels',
  ports: 'ports',
  carriers: 'transporteurs',
  ipRights: 'Droits de propriété intellectuelle',
  ipRightTypes: {
    trademark: 'Marque',
    design: 'Dessin ou modèle',
    patent: 'Brevet',
    copyright: 'Droit d’auteur',
    geographical_indication: 'Indication géographique',
    plant_variety: 'Obtention végétale',
  },
  classes: 'classes',
  validUntil: 'valable jusqu’au',
  recordation: (country) => `Demande d’intervention (${country})`,
  recordationStatuses: {
    filed: 'déposée',
    granted: 'accordée',
    expired: 'expirée',
    refused: 'refusée',
    withdrawn: 'retirée',
  },
  contacts: 'Contacts',
  alwaysAvailable: '24 h/24, 7 j/7',
  speaks: 'parle',
  worldwide: 'monde entier',
};

const es: GuideLabels = {
  confidential: 'Confidencial — para uso de las autoridades de control',
  generated: 'Generado el',
  page: (page, pages) => `Página ${page} de ${pages}`,
  identification: 'Identificación',
  rightsHolder: 'Titular de derechos',
  brand: 'Marca',
  reference: 'Referencia',
  category: 'Categoría',
  gtins: 'GTIN',
  hsCodes: 'Códigos SA',
  priceRange: 'Precio de venta al público',
  countriesOfManufacture: 'Países de fabricación',
  status: 'Estado',
  statuses: { active: 'Activo', discontinued: 'Descatalogado', recalled: 'Retirado' },
  levels: { item: 'unidad', inner_pack: 'envase intermedio', case: 'caja' },
  description: 'Descripción',
  packaging: 'Embalaje',
  images: 'Imágenes',
  imageKinds: {
    product: 'Producto',
    packaging: 'Embalaje',
    label: 'Etiqueta',
    security_feature: 'Elemento de seguridad',
    genuine: 'Auténtico',
    counterfeit: 'Falsificación',
    certificate: 'Certificado',
  },
  guidePoints: 'Cómo distinguir el auténtico de la falsificación',
  covert: 'RESERVADO — solo para las autoridades designadas por el titular',
  genuine: 'Auténtico',
  counterfeit: 'Falsificación',
  noImage: 'Sin imagen',
  indicators: 'Indicios de falsificación',
  indicatorKinds: {
    defect: 'Defecto típico',
    material: 'Material',
    price: 'Precio',
    source: 'Origen',
    route: 'Ruta',
    other: 'Otro',
  },
  none: '—',
  languageNote: 'El texto marcado [XX] se muestra en el idioma en que se introdujo.',
  supplyChain: 'Cadena de suministro legítima',
  roles: {
    manufacturer: 'Fabricante',
    exporter: 'Exportador autorizado',
    importer: 'Importador autorizado',
    distributor: 'Distribuidor',
    licensee: 'Licenciatario',
    carrier: 'Transportista',
  },
  taxNumber: 'N.º fiscal',
  routes: 'Rutas habituales',
  ports: 'puertos',
  carriers: 'transportistas',
  ipRights: 'Derechos de propiedad intelectual',
  ipRightTypes: {
    trademark: 'Marca',
    design: 'Diseño',
    patent: 'Patente',
    copyright: 'Derecho de autor',
    geographical_indication: 'Indicación geográfica',
    plant_variety: 'Obtención vegetal',
  },
  classes: 'clases',
  validUntil: 'válido hasta',
  recordation: (country) => `Solicitud de intervención (${country})`,
  recordationStatuses: {
    filed: 'presentada',
    granted: 'concedida',
    expired: 'caducada',
    refused: 'denegada',
    withdrawn: 'retirada',
  },
  contacts: 'Contactos',
  alwaysAvailable: '24 h, 7 días',
  speaks: 'habla',
  worldwide: 'todo el mundo',
};

const LABELS: Record<Locale, GuideLabels> = { en, fr, es };

/** The printed words in the reader's language, English for a language the app does not have. */
export function guideLabels(lang: string): GuideLabels {
  return LABELS[lang as Locale] ?? en;
}
