import * as MemoryStorage from "../../layers/memory/MemoryStorage.js"
import { storageContract } from "../contracts/StorageContract.js"

storageContract("memory", () => MemoryStorage.layer)
