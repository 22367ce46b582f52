import { keyPrefix, type KitchenOrder, type Order, type PrintJob, type Printer, type Product, type ProductionContract, type Station } from '@kitchensync/shared';
import { useEntityMap, useSyncClient, type EntityMap } from '@kitchensync/sync-client/react';

/** The manager's replica holds all of the tenant's data; each screen watches what it shows. */
export const useOrders = (): EntityMap<Order> => useEntityMap<Order>(useSyncClient().rep, keyPrefix.order);
export const useProducts = (): EntityMap<Product> => useEntityMap<Product>(useSyncClient().rep, keyPrefix.product);
export const useStations = (): EntityMap<Station> => useEntityMap<Station>(useSyncClient().rep, keyPrefix.station);
export const useContracts = (): EntityMap<ProductionContract> => useEntityMap<ProductionContract>(useSyncClient().rep, keyPrefix.contract);
export const useKitchenOrders = (): EntityMap<KitchenOrder> => useEntityMap<KitchenOrder>(useSyncClient().rep, keyPrefix.kitchenOrder);
export const usePrinters = (): EntityMap<Printer> => useEntityMap<Printer>(useSyncClient().rep, keyPrefix.printer);
export const usePrintJobs = (): EntityMap<PrintJob> => useEntityMap<PrintJob>(useSyncClient().rep, keyPrefix.printJob);
